import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  actorFor,
  opdTarget,
  regionTarget,
  verifyToken,
  type CommandExecutor,
} from '@sakip/application';
import { findBinding } from '@sakip/domain';
import type { Config } from '@sakip/config';
import type { Sql } from '@sakip/db';
import { readReport } from '@sakip/reports';
import type { ObjectStorage } from '@sakip/storage';
import { CONFIG, EXECUTOR, SQL, STORAGE } from '../infrastructure/tokens';
import { bearerToken } from '../trpc/context';

/** Downloads a stored report exactly as it was generated (the bytes whose sha256 was recorded). */
@Controller('reports')
export class ReportsController {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(SQL) private readonly sql: Sql,
    @Inject(STORAGE) private readonly storage: ObjectStorage,
    @Inject(EXECUTOR) private readonly executor: CommandExecutor,
  ) {}

  @Get(':id')
  async download(
    @Param('id') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const token = bearerToken(req);
    const claims = token ? await verifyToken(token, this.config.AUTH_SECRET) : null;
    const actor = claims ? await actorFor(this.executor.loader, claims.username) : null;
    if (!actor) {
      res.status(401).json({ message: 'Silakan masuk terlebih dahulu / please sign in first' });
      return;
    }
    if (!/^[0-9a-f-]{36}$/.test(id)) {
      res.status(400).json({ message: 'ID laporan tidak valid / invalid report id' });
      return;
    }
    const found = await readReport({ sql: this.sql, storage: this.storage }, id).catch(() => null);
    if (!found) {
      res.status(404).json({ message: 'Laporan tidak ditemukan / report not found' });
      return;
    }
    const subject = found.report.opdId;
    const target = subject.includes('-') ? opdTarget(subject) : regionTarget(subject);
    if (!findBinding(actor.bindings, 'read', target)) {
      res.status(403).json({
        message: 'Anda tidak berwenang membaca laporan ini / you may not read this report',
      });
      return;
    }
    res.setHeader('content-type', found.contentType);
    res.setHeader('content-disposition', `attachment; filename="${found.fileName}"`);
    res.setHeader('x-content-sha256', found.report.sha256 ?? '');
    res.send(found.bytes);
  }
}
