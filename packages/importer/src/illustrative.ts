import ExcelJS from 'exceljs';

/**
 * The Bandar Lampung seed is an amendment ("Perubahan IKU") whose source prints neither the
 * decree it amends nor the old values. To show an amendment and its diff, this builds a clearly
 * labelled ILLUSTRATIVE earlier decree from it: IKU-2 named and targeted differently, IKU-3 absent.
 */
export const ILLUSTRATIVE_NUMBER = 'ILUSTRASI/120/SK/III.15/I/2021';

export async function illustrativeBandarLampungPenetapan(
  amendment: ExcelJS.Buffer,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(amendment);
  wb.getWorksheet('SK')!.eachRow((row) => {
    const key = String(row.getCell(1).value);
    if (key === 'nomor') row.getCell(2).value = ILLUSTRATIVE_NUMBER;
    if (key === 'jenis') row.getCell(2).value = 'penetapan';
    if (key === 'tanggal') row.getCell(2).value = '2 Januari 2021';
    if (key === 'judul')
      row.getCell(2).value =
        'ILUSTRASI (bukan dokumen asli): Penetapan IKU Dinas Koperasi dan UKM Kota Bandar Lampung 2021-2026';
  });
  const ind = wb.getWorksheet('Indikator')!;
  const header = (ind.getRow(1).values as unknown[]).map((v) =>
    String(v ?? '')
      .trim()
      .toLowerCase(),
  );
  let iku3 = 0;
  ind.eachRow((row, n) => {
    const code = row.getCell(1).value;
    if (code === 'IKU-2') {
      row.getCell(header.indexOf('nama')).value = 'Persentase koperasi sehat';
      row.getCell(header.indexOf('target_2022')).value = '50';
    }
    if (code === 'IKU-3') iku3 = n;
  });
  if (iku3) ind.spliceRows(iku3, 1);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
