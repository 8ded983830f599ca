import { css } from 'lit';

/** The document upload strip above the message box: what is asked, the files, their progress. */
export const documentUploadStyles = css`
  .upload {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding-block: 0.5rem;
    padding-inline: 1rem;
    border-block-end: 1px solid var(--_border);
    font-size: 0.9375em;
  }
  .upload.dragging {
    outline: 2px dashed var(--_accent-ink);
    outline-offset: -4px;
  }
  .upload h3 {
    flex-basis: 100%;
    margin: 0;
    font-size: inherit;
  }
  .upload p {
    flex-basis: 100%;
    margin: 0;
  }
  .upload-hint {
    color: var(--_muted);
  }
  .upload-files {
    flex-basis: 100%;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .upload-file {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    padding-block: 0.25rem;
  }
  .upload-name {
    flex: 1 1 10em;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .upload-file progress {
    flex: 1 1 6em;
  }
  .upload-error:empty {
    display: none;
  }
  .upload-error {
    flex-basis: 100%;
    color: var(--_danger);
    font-weight: 600;
  }
  .upload-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .upload button:disabled {
    opacity: 0.6;
  }
`;
