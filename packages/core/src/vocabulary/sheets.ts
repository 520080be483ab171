/**
 * Sheet names, sheet titles and table headers of every workbook we write, in one place: change a
 * word here and the CLI's workbooks, the add-in's sheets and the HTML report change with it.
 * Sheet names follow Excel's rules (≤ 31 characters, none of `[]:*?/\`).
 */

/** Sheets of the consolidated workbook (bảng tổng hợp), by role. */
export const CONSOLIDATED_SHEET_NAMES = {
  cover: 'Báo cáo tóm tắt',
  totals: 'Tổng hợp',
  matrix: 'Đơn vị × chỉ tiêu',
  ranking: 'Xếp hạng',
  progress: 'Tiến độ gửi báo cáo',
  activities: 'Hoạt động',
  findings: 'Kết quả kiểm tra',
  comparison: 'So sánh cùng kỳ',
} as const;

/** Sheets of the report template (biểu mẫu). "Danh mục" and "_meta" are hidden. */
export const TEMPLATE_SHEET_NAMES = {
  report: 'Báo cáo',
  activities: 'Hoạt động',
  guide: 'Hướng dẫn',
  lists: 'Danh mục',
  meta: '_meta',
} as const;

/** The add-in's score results sheet. */
export const RESULTS_SHEET_NAME = 'Kết quả';

/** The document type on the consolidated workbook's cover: an overview, not the document signed. */
export const COVER_TYPE = 'BÁO CÁO TÓM TẮT';

/** The note under the cover's title: what the sheet is, and which file is signed. */
export const COVER_OVERVIEW_NOTE =
  'Bản tóm tắt để theo dõi: số liệu liên kết với các trang tính của sổ này. Văn bản trình ký, ban hành là báo cáo Word (.docx) lập cùng kỳ (cchc consolidate … --docx).';

/**
 * The narrative fields (keys of `NARRATIVE_NAMES`) as the form labels them and the reports head
 * the units' own words.
 */
export const NARRATIVE_LABELS = {
  highlights: 'Kết quả nổi bật',
  limitations: 'Tồn tại, hạn chế',
  causes: 'Nguyên nhân',
  nextTasks: 'Nhiệm vụ kỳ tới',
  proposals: 'Đề xuất, kiến nghị',
} as const;

/** The title of the form's narrative block, with how to write several lines in one cell. */
export const NARRATIVE_TITLE = 'THUYẾT MINH KẾT QUẢ (ghi bằng lời; xuống dòng trong ô: Alt+Enter)';

/** Titles (row 1) of the consolidated sheets. */
export const CONSOLIDATED_TITLES = {
  totals: (year: number): string => `TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH TUYÊN TRUYỀN CCHC NĂM ${year}`,
  matrix: 'KẾT QUẢ THEO ĐƠN VỊ VÀ CHỈ TIÊU',
  ranking: 'XẾP HẠNG CÁC ĐƠN VỊ',
  progress: 'TIẾN ĐỘ GỬI BÁO CÁO',
  activities: 'SỐ HOẠT ĐỘNG TUYÊN TRUYỀN THEO NỘI DUNG VÀ HÌNH THỨC',
  activitiesByForm: 'SỐ HOẠT ĐỘNG, SỐ LƯỢNG VÀ SỐ NGƯỜI THAM DỰ THEO HÌNH THỨC',
  activitiesByTheme: 'SỐ HOẠT ĐỘNG, SỐ LƯỢNG VÀ SỐ NGƯỜI THAM DỰ THEO NỘI DUNG',
  activitiesByUnit: 'SỐ HOẠT ĐỘNG, SỐ LƯỢNG VÀ SỐ NGƯỜI THAM DỰ THEO ĐƠN VỊ',
  findings: 'DANH SÁCH LỖI, CẢNH BÁO KHI KIỂM TRA BÁO CÁO',
  comparison: (previous: string): string => `SO SÁNH VỚI KỲ ${previous}`,
  submission: 'TÌNH HÌNH GỬI BÁO CÁO',
  unitsComparison: 'ĐIỂM VÀ THỨ HẠNG CỦA CÁC ĐƠN VỊ',
} as const;

/** Table headers, left to right. */
export const HEADERS = {
  totals: [
    'STT',
    'Mã',
    'Chỉ tiêu',
    'Đơn vị tính',
    'Chỉ tiêu kế hoạch',
    'Tổng kết quả thực hiện (Σ tử số)',
    'Tổng số phải thực hiện (Σ mẫu số)',
    'Tỷ lệ (%)',
    'Số đơn vị được tính',
    'Số đơn vị đạt',
  ],
  matrixLead: ['STT', 'Mã đơn vị', 'Đơn vị'],
  matrixRatio: ['Tử số', 'Mẫu số', 'Tỷ lệ'],
  matrixComparison: ['Kỳ này', 'Cùng kỳ', 'Tỷ lệ'],
  matrixYesNo: 'Có/Không',
  matrixCount: 'Số lượng',
  ranking: (scale: number | null, otherProfiles: readonly string[]): string[] => [
    'STT',
    'Đơn vị',
    scale === null ? 'Điểm' : `Điểm (thang ${scale})`,
    'Thứ hạng',
    'Xếp loại',
    ...otherProfiles,
    'Mã đơn vị',
  ],
  progress: ['STT', 'Mã đơn vị', 'Đơn vị', 'Đã gửi', 'Ngày báo cáo', 'Ngày nhận', 'Hạn gửi', 'Đúng hạn', 'Tệp báo cáo', 'Tình trạng'],
  activitiesCode: 'Mã',
  /** The activity totals (count, Σ quantity, Σ participants) after the code and name of a form, theme or unit. */
  activityTotals: ['Số hoạt động', 'Số lượng', 'Số người tham dự'],
  activityForm: 'Hình thức',
  activityTheme: 'Nội dung',
  activityUnit: 'Đơn vị',
  activitiesCorner: 'Nội dung \\ Hình thức',
  total: 'Tổng',
  grandTotal: 'Tổng cộng',
  findings: ['STT', 'Mức độ', 'Đơn vị', 'Tệp', 'Trang tính', 'Ô', 'Nội dung', 'Message (English)', 'Mã', 'Chỉ tiêu'],
  comparison: [
    'STT',
    'Mã',
    'Chỉ tiêu',
    'Tỷ lệ kỳ này',
    'Tỷ lệ kỳ trước',
    'Thay đổi tỷ lệ',
    'Kết quả kỳ này (Σ tử số / số lượng)',
    'Kết quả kỳ trước',
    'Thay đổi',
    'Σ mẫu số kỳ này',
    'Σ mẫu số kỳ trước',
    'Thay đổi',
  ],
  comparisonUnits: ['STT', 'Mã đơn vị', 'Đơn vị', 'Điểm kỳ này', 'Điểm kỳ trước', 'Thay đổi điểm', 'Hạng kỳ này', 'Hạng kỳ trước', 'Thay đổi hạng (+ = tăng)'],
  report: [
    'STT',
    'Mã',
    'Chỉ tiêu',
    'Đơn vị tính',
    'Chỉ tiêu kế hoạch',
    'Kết quả thực hiện (tử số)',
    'Tổng số / Số phải thực hiện (mẫu số)',
    'Tỷ lệ (%)',
    'Ghi chú',
    'Tài liệu kiểm chứng',
  ],
  activitiesTable: {
    order: 'STT',
    date: 'Ngày',
    theme: 'Nội dung chính',
    theme2: 'Nội dung khác',
    form: 'Hình thức',
    title: 'Tên hoạt động',
    quantity: 'Số lượng',
    participants: 'Số người tham dự',
    evidence: 'Tài liệu kiểm chứng',
  },
  lists: ['Nội dung tuyên truyền', 'Hình thức tuyên truyền', 'Có/Không'],
  feedbackFindings: ['STT', 'Mức độ', 'Trang tính', 'Ô', 'Nội dung', 'Chỉ tiêu', 'Message (English)'],
  feedbackIndicators: ['STT', 'Mã', 'Tử số / Giá trị', 'Mẫu số', 'Chỉ tiêu', 'Tỷ lệ / kết quả', 'Đánh giá', 'Tài liệu kiểm chứng, ghi chú'],
  resultsScores: ['STT', 'Thang điểm', 'Thành phần', 'Điểm', 'Tối đa', 'Diễn giải'],
  resultsIndicators: ['STT', 'Mã', 'Chỉ tiêu', 'Tử số / Giá trị', 'Mẫu số', 'Tỷ lệ (%)', 'Mức hoàn thành (%)', 'Tình trạng', 'Ô nguồn'],
  resultsFindings: ['STT', 'Mức độ', 'Nội dung', 'Trang tính', 'Ô', 'Mã'],
} as const;
