import { Command } from 'commander';
import { DomainError, ForbiddenError } from '@sakip/domain';
import { loadConfig } from '@sakip/config';
import { openRuntime } from './runtime';
import { dbMigrate } from './commands/db-migrate';
import { userAdd } from './commands/user-add';
import { demoSeed } from './commands/demo-seed';
import { InputError } from './parse-input';
import { importFile } from './commands/import-file';
import { exportFile } from './commands/export-template';
import { backup, restore } from './commands/backup';
import { reportLkjip } from './commands/report';
import type { FinalisationInput } from '@sakip/reports';
import { projectionsRebuild, projectionsStatus } from './commands/projections';
import { comparisonsCarryOver } from './commands/comparisons';
import {
  parseSyntheticOptions,
  synthetic,
  SYNTHETIC_DEFAULTS as SD,
  SYNTHETIC_HELP,
  type SyntheticOptions,
} from './commands/synthetic';

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const program = new Command('sakip').description(
  'SAKIP platform operations / operasi platform SAKIP',
);

const db = program.command('db').description('database');
db.command('migrate')
  .description('create the database if missing and apply migrations')
  .action(async () => dbMigrate(loadConfig(), out));

const demo = program.command('demo').description('demo data');
demo
  .command('seed')
  .description('load the demo regions, OPDs, positions and one account per role (idempotent)')
  .action(async () => {
    const rt = openRuntime();
    try {
      await demoSeed(rt, out);
    } finally {
      await rt.close();
    }
  });

program
  .command('import <file>')
  .description('import an .xlsx or .csv template (see docs/import-template.md); all or nothing')
  .option('--dry-run', 'check every row and report what would change, write nothing')
  .option(
    '--replace-period',
    'anggaran/serapan: each document or period in the file replaces the recorded one whole (recorded lines absent from the file are removed)',
  )
  .action(async (file: string, o: { dryRun?: boolean; replacePeriod?: boolean }) => {
    const rt = openRuntime();
    try {
      const outcome = await importFile(rt.sql, file, {
        dryRun: o.dryRun ?? false,
        replacePeriod: o.replacePeriod ?? false,
        progress: (l) => process.stderr.write(`${l}\n`),
      });
      outcome.lines.forEach(out);
      if (!outcome.ok) process.exitCode = 1;
    } finally {
      await rt.close();
    }
  });

program
  .command('export <template>')
  .description(
    'export what is recorded in the form of an import template (organisasi, sk, pk, anggaran, serapan, narasi, realisasi, target)',
  )
  .requiredOption('--opd <id>', 'OPD id, e.g. 18.04-DISKOPERINDAG')
  .option('--year <tahun>', 'the year (pk, anggaran, serapan, narasi, realisasi)')
  .option('--sk <nomor>', 'the decree number (sk, target)')
  .option('--jabatan <kode>', 'the jabatan of the agreement (pk, with --year)')
  .option('--out <file|dir>', 'where to write the .xlsx (default: the current directory)')
  .action(
    async (template: string, o: { opd: string; year?: string; sk?: string; out?: string }) => {
      const rt = openRuntime();
      try {
        out(await exportFile(rt.sql, template, o));
      } finally {
        await rt.close();
      }
    },
  );

program
  .command('backup')
  .description(
    'back up the event store (pg_dump custom format); read models are rebuilt after a restore',
  )
  .requiredOption('--out <file>')
  .action(async (o: { out: string }) => out(await backup(loadConfig().DATABASE_URL, o.out)));
program
  .command('restore')
  .description('restore an event store backup into an empty database (DATABASE_URL)')
  .requiredOption('--from <file>')
  .action(async (o: { from: string }) => out(await restore(loadConfig().DATABASE_URL, o.from)));

interface ReportOptions {
  opd: string;
  year: string;
  out: string;
  format: string;
  date?: string;
  place?: string;
  signerName?: string;
  signerPosition?: string;
  signerNip?: string;
}

/** --date finalises; the other finalisation options need it, and a signer needs name and position. */
function finalisationOf(o: ReportOptions): FinalisationInput | undefined {
  const extra = o.place ?? o.signerName ?? o.signerPosition ?? o.signerNip;
  if (!o.date) {
    if (extra !== undefined)
      throw new InputError([
        'date: --place/--signer-* memfinalisasi laporan dan butuh --date / --place and --signer-* finalise the report and need --date',
      ]);
    return undefined;
  }
  const signerGiven = [o.signerName, o.signerPosition, o.signerNip].some((v) => v !== undefined);
  if (signerGiven && (!o.signerName || !o.signerPosition))
    throw new InputError([
      'signer: beri --signer-name dan --signer-position bersama / give --signer-name and --signer-position together',
    ]);
  return {
    date: o.date,
    ...(o.place !== undefined ? { place: o.place } : {}),
    ...(signerGiven
      ? { signer: { name: o.signerName!, position: o.signerPosition!, nip: o.signerNip ?? null } }
      : {}),
  };
}

program
  .command('report')
  .description('reports')
  .command('lkjip')
  .description('render the LKjIP of an OPD (or a pemda by region code) for a year into a directory')
  .requiredOption(
    '--opd <id>',
    'OPD id (18.04-DISKOPERINDAG) or region code for the pemda report (18.04)',
  )
  .requiredOption('--year <year>')
  .requiredOption('--out <dir>')
  .option('--format <formats>', 'docx,pdf,html', 'docx,pdf')
  .option('--date <YYYY-MM-DD>', 'finalise: the date printed on the report (without it: a draft)')
  .option('--place <place>', 'finalise: place of signing (default: the seat named in the SK)')
  .option('--signer-name <name>', 'finalise: who signs (default: the OPD head from the year PK)')
  .option('--signer-position <jabatan>', 'finalise: the signer’s position (with --signer-name)')
  .option('--signer-nip <nip>', 'finalise: the signer’s NIP (18 digits, optional)')
  .action(async (o: ReportOptions) => {
    const year = Number(o.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new InputError([`year: tahun tidak valid / invalid year '${o.year}'`]);
    const formats = o.format.split(',').map((f) => f.trim());
    const bad = formats.filter((f) => !['docx', 'pdf', 'html'].includes(f));
    if (bad.length)
      throw new InputError([`format: ${bad.join(', ')} tidak dikenal / unknown (docx, pdf, html)`]);
    const finalisation = finalisationOf(o);
    const rt = openRuntime();
    try {
      (
        await reportLkjip(rt, {
          opd: o.opd,
          year,
          out: o.out,
          formats: formats as ('docx' | 'pdf' | 'html')[],
          finalisation,
        })
      ).forEach(out);
    } finally {
      await rt.close();
    }
  });

const projectionsCmd = program.command('projections').description('read models');
projectionsCmd
  .command('status')
  .description('position, lag and dead letters of each projection and province')
  .action(async () => {
    const rt = openRuntime();
    try {
      const { lines, healthy } = await projectionsStatus(rt.sql);
      lines.forEach(out);
      if (!healthy) process.exitCode = 1;
    } finally {
      await rt.close();
    }
  });
projectionsCmd
  .command('rebuild [name]')
  .description('build a new version from position 0 beside the active one, then switch')
  .action(async (name: string | undefined) => {
    const rt = openRuntime();
    try {
      await projectionsRebuild(rt.sql, name, out);
    } finally {
      await rt.close();
    }
  });

const comparisons = program.command('comparisons').description('angka pembanding');
comparisons
  .command('carry-over')
  .description(
    "carry figures recorded under a bare local code (cmp-IKU-4-2024) over to their OPD's key with new events; figures that name no OPD or several are listed, not guessed",
  )
  .option('--province <PP>', 'only figures of this province (two digits, e.g. 18)')
  .option('--dry-run', 'list what would be carried over, write nothing')
  .action(async (o: { province?: string; dryRun?: boolean }) => {
    const rt = openRuntime();
    try {
      (await comparisonsCarryOver(rt, o)).forEach(out);
    } finally {
      await rt.close();
    }
  });

program
  .command('synthetic')
  .description(
    'write a deterministic synthetic national dataset straight into the event store (default: full national shape, ~10^8 events)',
  )
  .option('--provinces <n>', 'provinces (at most 38)', SD.provinces)
  .option('--kabupaten <n>', 'kabupaten/kota, spread over the provinces', SD.kabupaten)
  .option('--opds <n>', 'OPDs per kabupaten/kota', SD.opds)
  .option('--indicators <n>', 'indicators per OPD', SD.indicators)
  .option('--years <n>', 'Renstra years (1–6)', SD.years)
  .option('--start-year <year>', 'first Renstra year', SD.startYear)
  .option('--quarters', 'TW1–TW4 realizations (default)', true)
  .option('--no-quarters', 'one YEAR realization per indicator and year')
  .option('--revisions <n>', 'perubahan SKs per OPD', SD.revisions)
  .option('--concurrency <n>', 'streams in flight (and pool size)', SD.concurrency)
  .option(
    '--scale <0..1>',
    'multiply provinces, kabupaten, OPDs and indicators (each at least 1)',
    SD.scale,
  )
  .option('--seed <text>', 'PRNG seed: same arguments and seed, same data', SD.seed)
  .addHelpText('after', SYNTHETIC_HELP)
  .action(async (o: SyntheticOptions) => {
    await synthetic(loadConfig(), parseSyntheticOptions(o), {
      out,
      err: (l) => process.stderr.write(`${l}\n`),
    });
  });

const user = program.command('user').description('accounts');
user
  .command('add')
  .description('add a local account with one role')
  .requiredOption('--username <username>')
  .requiredOption('--name <displayName>')
  .requiredOption(
    '--role <role>',
    'province_admin | region_admin | opd_operator | opd_head | inspector | viewer',
  )
  .requiredOption('--scope <scope>', 'national | PP | PP.KK | OPD id (PP.KK-CODE)')
  .option('--password <password>', 'or set SAKIP_PASSWORD (keeps it out of shell history)')
  .action(
    async (o: {
      username: string;
      name: string;
      role: string;
      scope: string;
      password?: string;
    }) => {
      // A secret typed by the operator, not platform configuration: read here, never logged.
      // eslint-disable-next-line no-restricted-syntax
      const password = o.password ?? process.env.SAKIP_PASSWORD;
      if (!password)
        throw new InputError([
          'password: berikan --password atau SAKIP_PASSWORD / give --password or SAKIP_PASSWORD',
        ]);
      const rt = openRuntime();
      try {
        out(await userAdd(rt, { ...o, password }));
      } finally {
        await rt.close();
      }
    },
  );

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof InputError || err instanceof DomainError || err instanceof ForbiddenError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  // Operators get the reason, not a stack trace; LOG_LEVEL=debug shows the stack.
  process.stderr.write(`sakip: ${err instanceof Error ? err.message : String(err)}\n`);
  if (loadConfig().LOG_LEVEL === 'debug' && err instanceof Error)
    process.stderr.write(`${err.stack ?? ''}\n`);
  process.exit(1);
}
