import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { base, type Fixture, setUpDirectory } from './calls.fixtures.ts';
import { purgeOrphanFiles } from './file-retention.ts';

let t: TestApp;
let f: Fixture;
let appId: string;

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x20)]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** A multipart body: the `questionId` field, then the file part. */
function multipart(questionId: string, filename: string, content: Buffer, type = 'application/pdf') {
  const boundary = 'totemboundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="questionId"\r\n\r\n${questionId}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const upload = (questionId: string, filename: string, content: Buffer, type?: string) =>
  t.request(f.member, { method: 'POST', url: `${base}/applications/${appId}/files`, ...multipart(questionId, filename, content, type) });

beforeAll(async () => {
  t = await createTestApp();
  f = await setUpDirectory(t);
  const form = {
    sections: [
      {
        id: 'docs',
        titleFr: 'Pièces',
        titleEn: 'Documents',
        questions: [
          {
            id: 'deck',
            type: 'file',
            labelFr: 'Dossier',
            labelEn: 'Deck',
            required: true,
            allowedTypes: ['application/pdf'],
            maxSizeBytes: 1024,
          },
        ],
      },
    ],
  };
  await t.request(f.staff, { method: 'POST', url: `${base}/calls`, payload: { slug: 'fichiers', titleFr: 'F', titleEn: 'F', form } });
  await t.request(f.staff, { method: 'POST', url: `${base}/calls/fichiers/status`, payload: { status: 'published' } });
  const res = await t.request(f.member, {
    method: 'POST',
    url: `${base}/calls/fichiers/applications`,
    payload: { organizationId: f.orgs.young },
  });
  appId = res.json().id;
});
afterAll(() => t.close());

describe('application files', () => {
  it('stores a PDF with its size and SHA-256, and lets the applicant answer with it', async () => {
    const res = await upload('deck', 'dossier.pdf', pdf);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ contentType: 'application/pdf', size: pdf.length, filename: 'dossier.pdf' });
    expect(res.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const id = res.json().id;
    const saved = await t.request(f.member, {
      method: 'PUT',
      url: `${base}/applications/${appId}/answers`,
      payload: { answers: { deck: id } },
    });
    expect(saved.statusCode).toBe(200);
    const got = await t.request(f.member, { method: 'GET', url: `${base}/files/${id}` });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(pdf)).toBe(true);
    expect((await t.request(f.staff, { method: 'GET', url: `${base}/files/${id}` })).statusCode).toBe(200);
  });

  it('hides the file from other people, the reviewer not assigned, and another territory', async () => {
    const id = (await upload('deck', 'b.pdf', pdf)).json().id;
    const other = await t.signIn(t.emailOf('council_member'));
    expect((await t.request(other, { method: 'GET', url: `${base}/files/${id}` })).statusCode).toBe(404);
    expect((await t.request(f.reviewer, { method: 'GET', url: `${base}/files/${id}` })).statusCode).toBe(404);
    const beta = await t.signIn('admin@beta.test');
    expect((await t.request(beta, { method: 'GET', url: `/api/v1/territories/beta/files/${id}` })).statusCode).toBe(404);
    expect((await t.request(null, { method: 'GET', url: `${base}/files/${id}` })).statusCode).toBe(401);
  });

  it('judges the type by content, not by the declared type, and enforces the size', async () => {
    const fake = await upload('deck', 'dossier.pdf', Buffer.from('<html>not a pdf</html>'), 'application/pdf');
    expect(fake.statusCode).toBe(422);
    expect(fake.json().code).toBe('file_rejected');
    // The precise reason, at the field, in the reader's language.
    expect(fake.json().errors[0]).toMatchObject({ code: 'file_rejected', message: 'Type de fichier refusé : PDF seulement.' });
    expect((await upload('deck', 'image.pdf', png)).statusCode).toBe(422);
    const big = await upload('deck', 'big.pdf', Buffer.concat([pdf, Buffer.alloc(1024)]));
    expect(big.statusCode).toBe(422);
    expect(big.json().errors[0].message).toBe('Le fichier dépasse la taille permise (1 ko au plus).');
    const m = multipart('deck', 'big.pdf', Buffer.concat([pdf, Buffer.alloc(1024)]));
    const english = await t.request(f.member, {
      method: 'POST',
      url: `${base}/applications/${appId}/files`,
      ...m,
      headers: { ...m.headers, 'accept-language': 'en' },
    });
    expect(english.json().errors[0].message).toBe('The file is too large (1 kB at most).');
    expect((await upload('nope', 'a.pdf', pdf)).statusCode).toBe(422);
  });

  it('opens the file to an assigned reviewer only once they declare no conflict', async () => {
    const id = (await upload('deck', 'jury.pdf', pdf)).json().id;
    await t.request(f.member, { method: 'PUT', url: `${base}/applications/${appId}/answers`, payload: { answers: { deck: id } } });
    expect((await t.request(f.member, { method: 'POST', url: `${base}/applications/${appId}/submit` })).json().status).toBe('submitted');
    const stage = (await t.request(f.staff, { method: 'GET', url: `${base}/calls/fichiers/stages` })).json().items[0].id;
    const reviewers = (await t.request(f.staff, { method: 'GET', url: `${base}/reviewers` })).json().items;
    await t.request(f.staff, { method: 'POST', url: `${base}/stages/${stage}/advance`, payload: { applicationIds: [appId] } });
    await t.request(f.staff, { method: 'POST', url: `${base}/stages/${stage}/panel`, payload: { userId: reviewers[0].userId } });
    await t.request(f.staff, { method: 'POST', url: `${base}/stages/${stage}/assignment` });
    const file = () => t.request(f.reviewer, { method: 'GET', url: `${base}/files/${id}` });
    expect((await file()).statusCode).toBe(404);
    const review = (await t.request(f.reviewer, { method: 'GET', url: `${base}/my-reviews` })).json().items[0];
    await t.request(f.reviewer, { method: 'POST', url: `${base}/reviews/${review.id}/declaration`, payload: { conflict: false } });
    expect((await file()).statusCode).toBe(200);
  });

  it('refuses an answer naming a file of another question or application', async () => {
    const res = await t.request(f.member, {
      method: 'PUT',
      url: `${base}/applications/${appId}/answers`,
      payload: { answers: { deck: '00000000-0000-4000-8000-000000000000' } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('answers.deck');
  });

  it('deletes, after a day, the uploads that no answer or revision refers to', async () => {
    // The submitted revision refers to jury.pdf; then the applicant replaces it in revision 2, and leaves a stray upload.
    const kept = (await t.request(f.member, { method: 'GET', url: `${base}/applications/${appId}` })).json().answers.deck as string;
    const replacement = (await upload('deck', 'nouveau.pdf', pdf)).json().id as string;
    const stray = (await upload('deck', 'essai.pdf', pdf)).json().id as string;
    const saved = await t.request(f.member, {
      method: 'PUT',
      url: `${base}/applications/${appId}/answers`,
      payload: { answers: { deck: replacement } },
    });
    expect(saved.statusCode).toBe(200);
    const status = async (id: string) => (await t.request(f.staff, { method: 'GET', url: `${base}/files/${id}` })).statusCode;
    // Within the day, nothing goes (the applicant may still be saving).
    expect(await purgeOrphanFiles(t.deps.database, new Date())).toBe(0);
    const removed = await purgeOrphanFiles(t.deps.database, new Date(Date.now() + 25 * 3_600_000));
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await status(stray)).toBe(404);
    expect(await status(kept)).toBe(200);
    expect(await status(replacement)).toBe(200);
  });
});
