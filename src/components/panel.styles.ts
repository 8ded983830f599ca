import { css } from 'lit';
import { composerStyles } from './composer/composer.styles.js';
import { endCardStyles } from './end-card/end-card.styles.js';
import { idleWarningStyles } from './idle-warning/idle-warning.styles.js';
import { messageStyles } from './message/message.styles.js';
import { panelEndStyles, panelFrameStyles } from './panel-frame.styles.js';
import { queueBannerStyles } from './queue-banner/queue-banner.styles.js';
import { transcriptStyles } from './transcript/transcript.styles.js';

/**
 * The panel: its frame, its parts' rules (each beside its part) and the media rules, as one sheet
 * that cascades after the launcher's `styles`. The parts' rules select different elements, so
 * their order among themselves does not matter; the media rules come last.
 */
export const panelStyles = css`
  ${panelFrameStyles}${queueBannerStyles}${idleWarningStyles}${endCardStyles}${transcriptStyles}${messageStyles}${composerStyles}${panelEndStyles}
`;
