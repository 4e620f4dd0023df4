/** Totem's design system: accessible building blocks that know nothing of the modules. */
export { Alert, type AlertTone, LiveRegion } from './alert.tsx';
export { Button, type ButtonVariant } from './button.tsx';
export { Checkbox, CheckboxGroup, type ChoiceOption, RadioGroup } from './choice.tsx';
export { ConfirmDialog } from './confirm-dialog.tsx';
export { type Column, DataTable } from './data-table.tsx';
export { Link } from './link.tsx';
export { Loading } from './loading.tsx';
export { MenuButton, type MenuLink, type MenuLinkSection } from './menu-button.tsx';
export { Pagination, type PaginationLabels } from './pagination.tsx';
export { Segmented, type SegmentedOption } from './segmented.tsx';
export { SelectField, type SelectOption } from './select-field.tsx';
export { TextArea } from './text-area.tsx';
export { TextField } from './text-field.tsx';
