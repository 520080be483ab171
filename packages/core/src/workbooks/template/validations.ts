import type { ValidationModel } from '../../book/model.ts';
import { excelSerial, formatDate } from '../../vocabulary/dates.ts';

/** A whole number ≥ 0 on `range`, with Vietnamese prompt and error. */
export function wholeValidation(range: string, prompt: string): ValidationModel {
  return {
    range,
    rule: { kind: 'wholeAtLeast', min: 0 },
    promptTitle: 'Nhập số nguyên ≥ 0',
    prompt: prompt.slice(0, 250),
    errorTitle: 'Số không hợp lệ',
    error: 'Chỉ nhập số nguyên không âm (0, 1, 2, …). Để trống nếu chưa có số liệu.',
    errorStyle: 'stop',
  };
}

/** A drop-down on `range` whose source is a workbook-scoped defined name. */
export function listValidation(range: string, name: string, prompt: string): ValidationModel {
  return {
    range,
    rule: { kind: 'list', source: name },
    promptTitle: 'Chọn từ danh sách',
    prompt: prompt.slice(0, 250),
    errorTitle: 'Không có trong danh sách',
    error: 'Vui lòng chọn một mục trong danh sách thả xuống.',
    errorStyle: 'stop',
  };
}

/** A date between two ISO dates on `range`. */
export function dateValidation(range: string, from: string, to: string, errorStyle: 'stop' | 'warning', error: string): ValidationModel {
  return {
    range,
    rule: { kind: 'dateBetween', from: excelSerial(from), to: excelSerial(to) },
    promptTitle: 'Nhập ngày (dd/mm/yyyy)',
    prompt: `Nhập ngày theo dạng ngày/tháng/năm, từ ${formatDate(from)} đến ${formatDate(to)}.`,
    errorTitle: 'Ngày không hợp lệ',
    error,
    errorStyle,
  };
}
