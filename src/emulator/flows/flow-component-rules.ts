/**
 * Flow JSON components and their limits (reference §10.2). `text` limits apply to the named string
 * properties; `perScreen` caps how many may appear on one screen; `required` lists mandatory props.
 */
export interface ComponentRule {
  required: string[];
  text?: Record<string, number>;
  perScreen?: number;
  /** An input that must sit inside a Form before Flow JSON 4.0. */
  input?: boolean;
  /** Component holding nested components under `children`. */
  container?: boolean;
}

export const FLOW_COMPONENTS: Record<string, ComponentRule> = {
  TextHeading: { required: ['text'], text: { text: 80 } },
  TextSubheading: { required: ['text'], text: { text: 80 } },
  TextBody: { required: ['text'], text: { text: 4096 } },
  TextCaption: { required: ['text'], text: { text: 4096 } },
  RichText: { required: ['text'] },
  TextInput: { required: ['name', 'label'], text: { label: 20, 'helper-text': 80 }, input: true },
  TextArea: { required: ['name', 'label'], text: { label: 20, 'helper-text': 80 }, input: true },
  CheckboxGroup: { required: ['name', 'data-source'], text: { label: 30, description: 300 }, input: true },
  RadioButtonsGroup: {
    required: ['name', 'data-source'],
    text: { label: 30, description: 300 },
    input: true,
  },
  Dropdown: { required: ['name', 'label', 'data-source'], text: { label: 30 }, input: true },
  ChipsSelector: {
    required: ['name', 'label', 'data-source'],
    text: { label: 80, description: 300 },
    input: true,
  },
  DatePicker: { required: ['name', 'label'], text: { label: 40, 'helper-text': 80 }, input: true },
  CalendarPicker: {
    required: ['name', 'label'],
    text: { label: 40, description: 300, 'helper-text': 80 },
    input: true,
  },
  OptIn: { required: ['name', 'label'], text: { label: 120 }, perScreen: 5, input: true },
  EmbeddedLink: { required: ['text', 'on-click-action'], text: { text: 35 }, perScreen: 2 },
  Image: { required: ['src'], perScreen: 3 },
  ImageCarousel: { required: ['images'], perScreen: 2 },
  PhotoPicker: { required: ['name', 'label'], text: { label: 30, description: 300 }, input: true },
  DocumentPicker: { required: ['name', 'label'], text: { label: 30, description: 300 }, input: true },
  NavigationList: { required: ['name', 'list-items'], text: { label: 80, description: 300 } },
  Footer: {
    required: ['label', 'on-click-action'],
    text: { label: 35, 'left-caption': 15, 'right-caption': 15, 'center-caption': 15 },
  },
  Form: { required: ['name', 'children'], container: true },
  If: { required: ['condition', 'then'] },
  Switch: { required: ['value', 'cases'] },
};

/** Data-source item limits (`{id, title, description?, metadata?}`). */
export const DATA_SOURCE_TEXT = { title: 30, description: 300, metadata: 20 } as const;
export const MAX_COMPONENTS_PER_SCREEN = 50;
export const DROPDOWN_MAX_ITEMS = 200;
export const NAVIGATION_LIST_MAX_ITEMS = 20;

/** Flow JSON versions accepted (reference §10.1: "2.1" … "7.3"). */
export const FLOW_JSON_VERSIONS = [
  '2.1',
  '3.0',
  '3.1',
  '4.0',
  '5.0',
  '5.1',
  '6.0',
  '6.1',
  '6.2',
  '6.3',
  '7.0',
  '7.1',
  '7.2',
  '7.3',
];
export const DATA_API_VERSIONS = ['3.0', '4.0'];
export const ACTION_NAMES = ['navigate', 'data_exchange', 'complete', 'update_data', 'open_url'];
