/**
 * A button that runs a command: while busy it shows a spinner, says so to screen readers, and stays focusable
 * (disabledFocusable) so keyboard focus is not lost in the middle of the work.
 */
import { Button, Spinner, type ButtonProps } from "@fluentui/react-components";

export function CommandButton({ busy, children, disabled, ...props }: ButtonProps & { busy: boolean }) {
  return (
    <Button
      {...props}
      disabledFocusable={busy || Boolean(disabled)}
      aria-busy={busy || undefined}
      icon={busy ? <Spinner size="extra-tiny" aria-hidden /> : props.icon}
    >
      {children}
    </Button>
  );
}
