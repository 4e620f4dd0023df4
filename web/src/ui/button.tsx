import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet';
export type ButtonProps = Omit<AriaButtonProps, 'className'> & { variant?: ButtonVariant; className?: string };

/** A button (React Aria): keyboard, touch and pointer alike, with a visible focus ring. */
export function Button({ variant = 'primary', className, ...props }: ButtonProps) {
  return <AriaButton {...props} className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')} />;
}
