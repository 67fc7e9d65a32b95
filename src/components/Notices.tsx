import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText } from '../app/message-text';
import type { NoticeStatus } from '../core/status/reducer';
import type { Message } from '../shared/messages';

/** The worker's notices: bundled articles left out, and the database waiting for or changed by another tab. */
export const Notices = memo(function Notices({ notices }: { notices: NoticeStatus }) {
  const { t } = useTranslation();
  const messages: Message[] = [
    ...notices.refusedFiles.map(({ file, reason }) => ({
      code: 'corpus-file-refused' as const,
      file,
      reason,
    })),
    ...(notices.storage ? [{ code: notices.storage }] : []),
  ];
  return messages.map((message) => (
    <p key={messageText(message, t)} className="notice" role="status" data-testid="notice">
      {messageText(message, t)}
    </p>
  ));
});
