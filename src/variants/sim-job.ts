// Validates one job of a yuma-sim-case/1 jobs file (format §2, §6) into a SimJob. Pure; the only error
// is TraceError, whose message is `PATH: fault` with a JSONPath rooted at `$` (the job line itself).
import { parseJson, type JsonValue } from '../model/json-parse.ts';
import { TraceError, keyPath } from '../model/trace-error.ts';
import { optional, readObject, required } from '../model/trace-fields.ts';
import { readEnum, readString } from './json-read.ts';
import { readSimCase } from './sim-case-read.ts';
import { readSimConfig } from './sim-config-read.ts';
import { SIM_FLAVOURS, SIM_VERSIONS, versionInFlavour, type SimJob } from './sim-case.ts';

const JOB_KEYS = ['id', 'case', 'version', 'flavour', 'config'];
const REQUIRED = ['case', 'version', 'flavour', 'config'];

/** Parses one job line (JSON text without its newline). Throws TraceError, e.g. `$.config.kappa: must be a number in 0..1, got 2`. */
export function parseSimJob(line: string): SimJob {
  let value: JsonValue;
  try {
    value = parseJson(line);
  } catch (e) {
    // The parser counts lines inside its text; a job is one line, so only the column is worth printing.
    if (e instanceof TraceError) throw new TraceError('$', e.fault.replace(/^invalid JSON at line 1, column/, 'invalid JSON at column'));
    throw e;
  }
  return readSimJob(value);
}

/** Validates a parsed job value; the first failure in format §6's order wins. */
export function readSimJob(value: JsonValue): SimJob {
  const root = readObject(value, '$');
  for (const key of Object.keys(root)) {
    if (!JOB_KEYS.includes(key)) throw new TraceError(keyPath('$', key), `unknown key (a job has only ${JOB_KEYS.join(', ')})`);
  }
  for (const key of REQUIRED) required(root, key, '$');
  const flavour = readEnum(root.flavour, '$.flavour', SIM_FLAVOURS);
  const version = readEnum(root.version, '$.version', SIM_VERSIONS);
  if (!versionInFlavour(version, flavour)) throw new TraceError('$.version', `${version} needs flavour "interactive"`);
  const id = optional(root, 'id');
  const label = id === undefined ? undefined : readString(id, '$.id');
  const job: SimJob = {
    simCase: readSimCase(root.case, '$.case'),
    version,
    flavour,
    config: readSimConfig(root.config, '$.config', flavour),
  };
  if (label !== undefined) job.id = label;
  return job;
}
