// Where report files go: local disk by default (content-addressed, @sakip/storage), or an
// S3-compatible bucket behind the same ObjectStorage interface and the same keys.
import { createHash } from 'node:crypto';
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { LocalObjectStorage, type ObjectStorage, type StoredObject } from '@sakip/storage';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** For MinIO, Ceph, etc. Leave unset for AWS. */
  endpoint?: string | undefined;
  /** Key prefix inside the bucket, e.g. "reports/". */
  prefix?: string | undefined;
  forcePathStyle?: boolean | undefined;
}

const KEY = /^sha256\/[0-9a-f]{2}\/[0-9a-f]{62}$/;

/** S3 object storage; credentials come from the AWS SDK's default chain (env, profile, role). */
export class S3ObjectStorage implements ObjectStorage {
  private readonly client: S3Client;

  constructor(
    private readonly options: S3StorageOptions,
    client?: S3Client,
  ) {
    this.client =
      client ??
      new S3Client({
        region: options.region,
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
      });
  }

  private objectKey(storageKey: string) {
    return `${this.options.prefix ?? ''}${storageKey}`;
  }

  async put(bytes: Buffer): Promise<StoredObject> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const storageKey = `sha256/${sha256.slice(0, 2)}/${sha256.slice(2)}`;
    const Key = this.objectKey(storageKey);
    const exists = await this.client
      .send(new HeadObjectCommand({ Bucket: this.options.bucket, Key }))
      .then(
        () => true,
        () => false,
      );
    if (!exists) {
      const md5 = createHash('md5').update(bytes).digest('base64');
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key,
          Body: bytes,
          ContentMD5: md5,
          Metadata: { sha256 },
        }),
      );
    }
    return { sha256, size: bytes.length, storageKey };
  }

  async get(storageKey: string): Promise<Buffer> {
    if (!KEY.test(storageKey))
      throw new Error(`Kunci penyimpanan tidak valid / invalid storage key: ${storageKey}`);
    const out = await this.client.send(
      new GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(storageKey) }),
    );
    if (!out.Body) throw new Error(`Objek kosong / empty object: ${storageKey}`);
    return Buffer.from(await out.Body.transformToByteArray());
  }
}

export type ReportStorageSettings =
  { kind: 'local'; dir: string } | ({ kind: 's3' } & S3StorageOptions);

export function createReportStorage(settings: ReportStorageSettings): ObjectStorage {
  return settings.kind === 's3'
    ? new S3ObjectStorage(settings)
    : new LocalObjectStorage(settings.dir);
}
