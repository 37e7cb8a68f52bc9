/**
 * Whether the server was upgraded under this page: it now serves another build of the web
 * client than the one running here. Told on every (re)connection (`board:welcome`); the page
 * offers a reload, since a page left open would otherwise run the old client for good (QA).
 */
import { useEffect, useState } from 'react';
import type { SocketIoProvider } from '../sync/socketio-provider.ts';

/** The entry script this page loaded, as the server's index.html names it; none in development. */
function ownBuild(): string | undefined {
  return (
    document
      .querySelector<HTMLScriptElement>('script[type="module"][src^="/assets/"]')
      ?.getAttribute('src') ?? undefined
  );
}

export function useServerUpdated(provider: SocketIoProvider): boolean {
  const [updated, setUpdated] = useState(false);
  useEffect(() => {
    const own = ownBuild();
    const check = () => {
      const served = provider.serverBuild;
      if (own && served && served !== own) setUpdated(true);
    };
    check();
    provider.on('welcome', check);
    return () => provider.off('welcome', check);
  }, [provider]);
  return updated;
}
