import { Link as AriaLink, type LinkProps as AriaLinkProps } from 'react-aria-components';

export type LinkVariant = 'inline' | 'button' | 'quiet';
export type LinkProps = Omit<AriaLinkProps, 'className'> & { variant?: LinkVariant; className?: string };

/** A link; inside the app's RouterProvider it navigates without reloading the page. */
export function Link({ variant = 'inline', className, ...props }: LinkProps) {
  const variantClass = variant === 'button' ? 'btn btn-secondary' : `link link-${variant}`;
  return <AriaLink {...props} className={[variantClass, className].filter(Boolean).join(' ')} />;
}
