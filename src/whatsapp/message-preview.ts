/** A one-line preview of a Cloud API message object, for conversation lists and notifications. */
export function messagePreview(type: string, content: Record<string, any>): string {
  const caption = (key: string) => (content[key]?.caption ? `: ${content[key].caption}` : '');
  switch (type) {
    case 'text':
      return String(content.text?.body ?? '');
    case 'image':
      return `📷 Photo${caption('image')}`;
    case 'video':
      return `🎥 Video${caption('video')}`;
    case 'audio':
      return content.audio?.voice ? '🎤 Voice message' : '🎵 Audio';
    case 'document':
      return `📄 ${content.document?.filename ?? 'Document'}`;
    case 'sticker':
      return 'Sticker';
    case 'location':
      return `📍 ${content.location?.name ?? content.location?.address ?? 'Location'}`;
    case 'contacts':
      return `👤 ${content.contacts?.[0]?.name?.formatted_name ?? 'Contact'}`;
    case 'reaction':
      return content.reaction?.emoji ? `Reacted ${content.reaction.emoji}` : 'Removed a reaction';
    case 'button':
      return String(content.button?.text ?? 'Button');
    case 'interactive': {
      const interactive = content.interactive ?? {};
      if (interactive.type === 'button_reply') return String(interactive.button_reply?.title ?? '');
      if (interactive.type === 'list_reply') return String(interactive.list_reply?.title ?? '');
      if (interactive.type === 'nfm_reply') return '📝 Form submitted';
      return String(interactive.body?.text ?? 'Interactive message');
    }
    case 'template':
      return `Template: ${content.template?.name ?? ''}`;
    case 'order':
      return '🛒 Order';
    default:
      return 'Message';
  }
}
