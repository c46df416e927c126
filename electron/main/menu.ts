// A minimal application menu. Electron's default one has Help items that open web pages and
// View → Toggle Developer Tools; we drop those. We keep a menu rather than none at all because
// its accelerators are how Ctrl + / Ctrl - / Ctrl 0 zoom works (people who need larger text rely on
// it) and, on macOS, how copy and paste reach text fields. On Windows and Linux the window hides
// the bar (autoHideMenuBar): the shortcuts still work and Alt shows it.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function menuTemplate(platform: NodeJS.Platform, dev: boolean): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }];
  // Reloading drops the renderer's state and developer tools show it: for development only.
  if (dev) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' });
  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: 'View', submenu: view },
    { label: 'Window', submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }] : [{ role: 'minimize' }, { role: 'close' }] },
  ];
}

export function installMenu(platform: NodeJS.Platform, dev: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(platform, dev)));
}
