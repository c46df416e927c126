import { createTheme, Modal, Notification, type MantineColorsTuple } from '@mantine/core';

// NHS blue (#005EB8) at index 7: white text on it is 5.9:1, above WCAG AA for any text size.
const nhsBlue: MantineColorsTuple = ['#e6f0fa', '#cce0f4', '#99c2e9', '#66a3de', '#3385d3', '#0a6fc9', '#0066c4', '#005eb8', '#004f9b', '#003f7d'];

export const theme = createTheme({
  primaryColor: 'nhsBlue',
  primaryShade: 7,
  colors: { nhsBlue },
  fontFamily: 'Arial, "Helvetica Neue", Helvetica, sans-serif',
  defaultRadius: 'sm',
  // Visible keyboard focus everywhere, not only on some components.
  focusRing: 'always',
  // People who ask their OS for less motion get no sliding modals or toasts.
  respectReducedMotion: true,
  components: {
    // Mantine's close buttons have no accessible name of their own.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // Mantine draws a dialog's title bar as <header>, which outside a sectioning element is a
    // second banner landmark: screen readers listed "banner" again for every dialog.
    ModalHeader: { defaultProps: { component: 'div' } },
    DrawerHeader: { defaultProps: { component: 'div' } },
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } },
      // The default description grey (gray.6) is 3.3:1 on white.
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    }),
  },
});
