// One line describing a message (reply-to previews, lists): the same function the server uses.
export { messagePreview } from '../../../../src/whatsapp/message-preview';
