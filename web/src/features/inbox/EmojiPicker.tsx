const emoji = [
  '😀',
  '😃',
  '😄',
  '😁',
  '😅',
  '😂',
  '🙂',
  '😉',
  '😊',
  '😍',
  '😘',
  '😎',
  '🤔',
  '😐',
  '😴',
  '😢',
  '😭',
  '😡',
  '😮',
  '🥳',
  '🙏',
  '👍',
  '👎',
  '👏',
  '🙌',
  '👋',
  '💪',
  '🤝',
  '❤️',
  '💚',
  '🔥',
  '⭐',
  '✨',
  '🎉',
  '✅',
  '❌',
  '⚠️',
  '📦',
  '🚚',
  '🛒',
  '💳',
  '📅',
  '⏰',
  '📍',
  '📞',
  '💬',
  '📷',
  '🎁',
];

/** A small built-in grid of common emoji (no dependency), shown above the composer. */
export function EmojiPicker({ onPick }: { onPick: (emoji: string) => void }) {
  return (
    <div className="emoji-picker" role="dialog" aria-label="Emoji">
      {emoji.map((e) => (
        <button key={e} type="button" aria-label={`Insert ${e}`} onClick={() => onPick(e)}>
          {e}
        </button>
      ))}
    </div>
  );
}
