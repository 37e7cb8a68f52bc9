/** The words of a live region (role="status"), and the function that says new ones. */
import { useCallback, useState } from 'react';

export function useLiveMessage(): [string, (text: string) => void] {
  const [message, setMessage] = useState('');
  const say = useCallback(
    // The same words twice in a row would not be read again: vary them invisibly.
    (text: string) => setMessage((previous) => (previous === text ? `${text}\u00a0` : text)),
    [],
  );
  return [message, say];
}
