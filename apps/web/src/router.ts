import { useEffect, useState } from "react";

const base = import.meta.env.BASE_URL.replace(/\/$/, "");

/** The app's path below its base (`/app`): "/", "/cases/<id>", "/callback". */
export function currentPath(): string {
  const path = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : location.pathname;
  return path === "" ? "/" : path;
}

export function href(path: string): string {
  return `${base}${path}`;
}

export function navigate(path: string, replace = false): void {
  const target = path.startsWith(base) ? path : href(path);
  if (replace) history.replaceState(null, "", target);
  else history.pushState(null, "", target);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

/** The current path and query, re-rendered on navigation. */
export function useLocation(): { path: string; search: string } {
  const [location_, setLocation] = useState({ path: currentPath(), search: location.search });
  useEffect(() => {
    const update = () => {
      setLocation({ path: currentPath(), search: location.search });
    };
    window.addEventListener("popstate", update);
    return () => {
      window.removeEventListener("popstate", update);
    };
  }, []);
  return location_;
}
