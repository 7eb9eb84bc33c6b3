import type { Provider } from '@nestjs/common';
import { loadLeakReportKeys } from '@keyward/config';

/** The public keys leak reports are checked against (`KEYWARD_LEAK_REPORT_KEYS` / `_FILE`), read once at start. */
export const LEAK_REPORT_KEYS = Symbol('LEAK_REPORT_KEYS');

export const leakReportKeysProvider: Provider = { provide: LEAK_REPORT_KEYS, useFactory: () => loadLeakReportKeys(process.env) };
