// The chat UI uses the dashboard's one icon set (web/src/ui/Icon.tsx).
export { Icon as ChatIcon, type IconName as ChatIconName } from '../../ui/Icon';
