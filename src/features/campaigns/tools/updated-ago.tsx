import { useEffect, useState } from 'react';
import styles from './tools.module.css';

/** "Updated 12 s ago", ticking each second on its own: nothing else renders when it does. */
export function UpdatedAgo(props: { at: number }) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - props.at) / 1000));
  return (
    <p className={styles.updated}>
      Updated {seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min`} ago
    </p>
  );
}
