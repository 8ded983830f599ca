/**
 * Spanish (neutral Latin-American, "usted"), the document upload's words, in the upload's chunk
 * (../document-upload/upload-strings.ts).
 */
import type { Format } from '../i18n-format.js';
import type { uploadEn } from './en-upload.js';

export const uploadEs = (f: Format): ReturnType<typeof uploadEn> => ({
  uploadHeading: 'Documentos solicitados',
  uploadAsked: 'Atención al cliente le pidió enviar:',
  uploadLimits: (files: number, mb: number) =>
    `Archivos PDF, JPEG, PNG o HEIC, de hasta ${f.num(mb)} MB cada uno, ${f.plural(files, { one: '# archivo', other: '# archivos' })} como máximo. También puede soltarlos aquí.`,
  uploadChoose: 'Elegir archivos',
  uploadFiles: 'Archivos para enviar',
  uploadSend: 'Enviar documentos',
  uploadNotNow: 'Ahora no',
  uploadCancel: 'Cancelar',
  uploadCancelFile: (name: string) => `Cancelar ${name}`,
  uploadProgress: (name: string) => `Enviando ${name}`,
  uploadState: { ready: 'Listo para enviar', uploading: 'Enviando…', done: 'Enviado', failed: 'No enviado' },
  uploadWrongType: (name: string) =>
    `No se puede enviar ${name}: solo se aceptan archivos PDF, JPEG, PNG o HEIC.`,
  uploadTooLarge: (name: string, mb: number) => `${name} supera el límite de ${f.num(mb)} MB.`,
  uploadTooMany: (files: number) =>
    `Puede enviar ${f.plural(files, { one: '# archivo', other: 'hasta # archivos' })} para esta solicitud.`,
  uploadNone: 'Primero elija al menos un archivo.',
  uploadExpired: 'Esta solicitud venció. Pida al agente que se la envíe de nuevo.',
  uploadFailed: (name: string) => `No se pudo enviar ${name}. Inténtelo de nuevo.`,
  uploadRequested: (text: string) => `Atención al cliente le pidió documentos: ${text}`,
  uploadSending: (n: number) => `Enviando ${f.plural(n, { one: '# documento', other: '# documentos' })}…`,
  uploadSent: (n: number) => f.plural(n, { one: '# documento enviado.', other: '# documentos enviados.' }),
  uploadClose: 'Cerrar',
});
