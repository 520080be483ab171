// Preloaded (`node --import`) into a `cchc` run measured by a test: when the process exits, it
// writes its own peak resident set size (kibibytes, `process.resourceUsage().maxRSS`, worker
// threads included) to the file named by CCHC_PEAK_RSS_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.CCHC_PEAK_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
