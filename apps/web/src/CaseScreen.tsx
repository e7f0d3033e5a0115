import { CaseAccessDocument, CaseDetailDocument, OrganisationTreeDocument } from "@ankkuri/client/operations";
import { ClientSection, GuardiansSection } from "./case/ClientSection.js";
import { flatten, clientName } from "./case/case-data.js";
import { ConsentsSection } from "./case/ConsentsSection.js";
import { ReferralsSection, ViolationsSection } from "./case/FindingsSections.js";
import { MeetingsSection } from "./case/MeetingsSection.js";
import { OrganisationsSection } from "./case/OrganisationsSection.js";
import { Link, PageHeading, RequestError, useQuery } from "./common.js";
import { useI18n } from "./i18n.js";

/** The case screen: everything about one case, and the daily changes to it. */
export function CaseScreen({ caseId, onSignedOut }: { caseId: string; onSignedOut: () => void }) {
  const { t, language } = useI18n();
  const detail = useQuery(CaseDetailDocument, { caseId }, caseId);
  const access = useQuery(CaseAccessDocument, { caseId }, caseId);
  const tree = useQuery(OrganisationTreeDocument, { language: language.toUpperCase() as "FI" | "SV" | "EN" }, language);
  const reload = async () => {
    await Promise.all([detail.reload(), access.reload()]);
  };
  const error = detail.error ?? access.error ?? tree.error;
  const c = detail.data?.case;

  if (error)
    return (
      <>
        <PageHeading>{t.requestFailed}</PageHeading>
        <RequestError error={error} onSignedOut={onSignedOut} />
        <p>
          <Link to="/">{t.backToCases}</Link>
        </p>
      </>
    );
  // The forms start from what the case, its organisations and the organisation tree say: all three first.
  if (!detail.data || !access.data || !tree.data) return <p>{t.loading}</p>;
  if (!c)
    return (
      <>
        <PageHeading>{t.notFound}</PageHeading>
        <p>
          <Link to="/">{t.backToCases}</Link>
        </p>
      </>
    );
  const taking = access.data.case?.organisations ?? [];
  const coreOrganisations = [...new Map(taking.map((o) => [o.organisation.id, o.organisation])).values()];
  const organisations = flatten(tree.data.organisations);

  return (
    <>
      <p>
        <Link to="/">{t.backToCases}</Link>
      </p>
      <PageHeading>{t.caseTitle(clientName(c))}</PageHeading>
      <ClientSection c={c} />
      <GuardiansSection c={c} />
      <OrganisationsSection c={c} taking={taking} />
      <ConsentsSection c={c} organisations={organisations} reload={reload} />
      <MeetingsSection c={c} coreOrganisations={coreOrganisations} organisations={organisations} reload={reload} />
      <ReferralsSection c={c} />
      <ViolationsSection c={c} />
    </>
  );
}
