/**
 * English, the document upload's words (../document-upload/document-upload.ts), in the upload's
 * chunk, not the panel's catalogue (../document-upload/upload-strings.ts). Its type is the
 * contract of every other language's.
 */
import type { Format } from '../i18n-format.js';

export const uploadEn = (f: Format) => ({
  uploadHeading: 'Documents requested',
  uploadAsked: 'Customer Care asked you to send:',
  uploadLimits: (files: number, mb: number) =>
    `PDF, JPEG, PNG or HEIC files, up to ${f.num(mb)} MB each, ${f.plural(files, { one: '# file', other: '# files' })} at most. You can also drop them here.`,
  uploadChoose: 'Choose files',
  uploadFiles: 'Files to send',
  uploadSend: 'Send documents',
  uploadNotNow: 'Not now',
  uploadCancel: 'Cancel',
  uploadCancelFile: (name: string) => `Cancel ${name}`,
  uploadProgress: (name: string) => `Sending ${name}`,
  uploadState: { ready: 'Ready to send', uploading: 'Sending…', done: 'Sent', failed: 'Not sent' },
  uploadWrongType: (name: string) => `${name} can't be sent: only PDF, JPEG, PNG or HEIC files.`,
  uploadTooLarge: (name: string, mb: number) => `${name} is over the limit of ${f.num(mb)} MB.`,
  uploadTooMany: (files: number) =>
    `You can send ${f.plural(files, { one: '# file', other: 'up to # files' })} for this request.`,
  uploadNone: 'Choose at least one file first.',
  uploadExpired: 'This request has expired. Ask the agent to send it again.',
  uploadFailed: (name: string) => `${name} could not be sent. Try again.`,
  uploadRequested: (text: string) => `Customer Care asked for documents: ${text}`,
  uploadSending: (n: number) => `Sending ${f.plural(n, { one: '# document', other: '# documents' })}…`,
  uploadSent: (n: number) => `${f.plural(n, { one: '# document', other: '# documents' })} sent.`,
  uploadClose: 'Close',
});
