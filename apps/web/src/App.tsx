import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { setApiLanguage } from "./api.js";
import { completeSignIn, currentToken, signIn, signOut } from "./auth.js";
import { CaseList } from "./CaseList.js";
import { CaseScreen } from "./CaseScreen.js";
import { Link, PageHeading, RequestError } from "./common.js";
import { I18nContext, i18nFor, initialLanguage, type Language, languageNames, languages, useI18n } from "./i18n.js";
import { navigate, useLocation } from "./router.js";
import { useViewer } from "./viewer.js";

/** Announces a result (a saved change) to everyone: visibly, and to screen readers through a live region. */
export const AnnounceContext = createContext<(message: string) => void>(() => undefined);
export const useAnnounce = () => useContext(AnnounceContext);

function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language-switch">
      <label htmlFor="language">{t.language}</label>
      <select
        id="language"
        value={language}
        onChange={(event) => {
          setLanguage(event.target.value as Language);
        }}
      >
        {languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {languageNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

function SignInPage() {
  const { t, language } = useI18n();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <PageHeading>{t.signInTitle}</PageHeading>
      <p>{t.signInIntro}</p>
      {error ? (
        <div className="notice error" role="alert">
          <p>
            {t.signInFailed}: {error}
          </p>
        </div>
      ) : null}
      <button
        type="button"
        className="primary"
        onClick={() => {
          signIn(language, `${location.pathname}${location.search}`).catch((e: unknown) => {
            setError((e as Error).message);
          });
        }}
      >
        {t.signIn}
      </button>
    </>
  );
}

function Callback({ search, onSignedIn }: { search: string; onSignedIn: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    // Once per callback (the code is single-use), also when development mode runs effects twice.
    if (started.current) return;
    started.current = true;
    completeSignIn(search)
      .then((returnTo) => {
        onSignedIn();
        navigate(returnTo.endsWith("/callback") ? "/" : returnTo, true);
      })
      .catch((e: unknown) => {
        setError((e as Error).message);
      });
  }, [search, onSignedIn]);
  return (
    <>
      <PageHeading>{error ? t.signInFailed : t.signingIn}</PageHeading>
      {error ? (
        <div className="notice error" role="alert">
          <p>{error}</p>
          <p>
            <Link to="/">{t.signIn}</Link>
          </p>
        </div>
      ) : null}
    </>
  );
}

function Viewer({ onSignedOut }: { onSignedOut: () => void }) {
  const { t } = useI18n();
  const { data, error } = useViewer();
  if (error) return <RequestError error={error} onSignedOut={onSignedOut} />;
  const viewer = data?.viewer;
  return (
    <div className="viewer">
      {viewer ? (
        <span>
          {t.signedInAs} <strong>{viewer.name}</strong>
          {`, ${viewer.organisation.name}`}
        </span>
      ) : null}
      <button
        type="button"
        onClick={() => {
          signOut();
          onSignedOut();
        }}
      >
        {t.signOut}
      </button>
    </div>
  );
}

export function App() {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const [signedIn, setSignedIn] = useState(() => currentToken() !== null);
  const [announcement, setAnnouncement] = useState("");
  const { path, search } = useLocation();
  setApiLanguage(language);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem("ankkuri.language", next);
    setApiLanguage(next);
    setLanguageState(next);
  }, []);
  const i18n = useMemo(() => i18nFor(language, setLanguage), [language, setLanguage]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => {
    setAnnouncement("");
  }, [path]);
  const announce = useCallback((message: string) => {
    setAnnouncement(message);
  }, []);
  const onSignedOut = useCallback(() => {
    signOut();
    setSignedIn(false);
  }, []);
  const onSignedIn = useCallback(() => {
    setSignedIn(true);
  }, []);
  const { t } = i18n;
  const caseMatch = /^\/cases\/([^/]+)$/.exec(path);

  let page;
  let title = t.appName;
  if (path === "/callback") page = <Callback search={search} onSignedIn={onSignedIn} />;
  else if (!signedIn) {
    page = <SignInPage />;
    title = `${t.signInTitle} – ${t.appName}`;
  } else if (path === "/") {
    page = <CaseList key={language} onSignedOut={onSignedOut} />;
    title = `${t.cases} – ${t.appName}`;
  } else if (caseMatch?.[1]) {
    page = (
      <CaseScreen
        key={`${caseMatch[1]}-${language}`}
        caseId={decodeURIComponent(caseMatch[1])}
        onSignedOut={onSignedOut}
      />
    );
  } else page = <PageHeading>{t.pageNotFound}</PageHeading>;
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <I18nContext.Provider value={i18n}>
      <AnnounceContext.Provider value={announce}>
        <a className="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <header className="banner">
          <span className="app-name">{t.appName}</span>
          {signedIn ? (
            <nav aria-label={t.mainNav}>
              <Link to="/">{t.cases}</Link>
            </nav>
          ) : null}
          <LanguageSwitch />
          {signedIn ? <Viewer key={language} onSignedOut={onSignedOut} /> : null}
        </header>
        <main id="main" tabIndex={-1}>
          <div role="status" className={announcement ? "notice success" : "visually-hidden"}>
            {announcement}
          </div>
          {page}
        </main>
      </AnnounceContext.Provider>
    </I18nContext.Provider>
  );
}
