import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<p>蓝图 lantu</p>);
