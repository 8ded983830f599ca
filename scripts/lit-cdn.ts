/**
 * `lit` as the CDN build bundles it: the template engine and the reactive element, without
 * LitElement, which the widget does not use (the element renders its launcher itself, and the
 * panel's module renders its templates with `render`). Mapped by vite.config.ts in `--mode cdn`.
 */
export * from '@lit/reactive-element';
export * from 'lit-html';
