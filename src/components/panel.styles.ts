import { css } from 'lit';
import { accommodationsStyles } from './accommodations/accommodations.styles.js';
import { composerStyles } from './composer/composer.styles.js';
import { contentStyles } from './content.styles.js';
import { endCardStyles } from './end-card/end-card.styles.js';
import { idleWarningStyles } from './idle-warning/idle-warning.styles.js';
import { messageStyles } from './message/message.styles.js';
import { panelFrameEndStyles, panelFrameStyles } from './panel-frame.styles.js';
import { panelStripEndStyles, panelStripStyles } from './panel-strips.styles.js';
import { queueBannerStyles } from './queue-banner/queue-banner.styles.js';
import { transcriptStyles } from './transcript/transcript.styles.js';

/**
 * The panel: its frame (whose rules the element has before this module loads), its strips, its
 * parts' rules (each beside its part), the media rules, and the messages' content, as one sheet
 * that cascades after the launcher's `styles` (a part in a chunk of its own adopts its rules when
 * it renders: on-demand/part-styles.ts). The parts' rules select different elements, so
 * their order among themselves does not matter; the media rules come after them, and the
 * content rules, which change no property the media rules set, last.
 */
export const panelStyles = css`
  ${panelFrameStyles}${panelStripStyles}${queueBannerStyles}${idleWarningStyles}${endCardStyles}${transcriptStyles}${messageStyles}${composerStyles}${accommodationsStyles}${panelFrameEndStyles}${panelStripEndStyles}${contentStyles}
`;
