export default {
  globs: ['src/components/amex-chat.ts', 'src/components/events.ts'],
  litelement: true,
};
