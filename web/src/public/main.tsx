import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<p>规划实施情况公开</p>);
