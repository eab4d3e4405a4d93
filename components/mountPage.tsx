import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';

/** Shows an extension page's app in its `#root`, with the shared styles. */
export function mountPage(app: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('This page has no #root element to show Exhibit in.');
  createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
