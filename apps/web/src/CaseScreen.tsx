import {
  CaseAccessDocument,
  CaseAssessmentDocument,
  CaseDetailDocument,
  CaseWorkersDocument,
  MeetingLogisticsDocument,
  OrganisationTreeDocument,
} from "@ankkuri/client/operations";
import { AssessmentSection } from "./case/AssessmentSection.js";
import { ClientSection, GuardiansSection } from "./case/ClientSection.js";
import { flatten, clientName } from "./case/case-data.js";
import { ConsentsSection } from "./case/ConsentsSection.js";
import { ReferralsSection, ViolationsSection } from "./case/FindingsSections.js";
import { MeetingsSection } from "./case/MeetingsSection.js";
import { OrganisationsSection } from "./case/OrganisationsSection.js";
import { WorkersSection } from "./case/WorkersSection.js";
import { Link, PageHeading, RequestError, useQuery } from "./common.js";
import { useI18n } from "./i18n.js";
import { assignsWorkers, useViewer } from "./viewer.js";

/** The case screen: everything about one case, and the daily changes to it. */
export function CaseScreen({ caseId, onSignedOut }: { caseId: string; onSignedOut: () => void }) {
  const { t, language } = useI18n();
  const detail = useQuery(CaseDetailDocument, { caseId }, caseId);
  const access = useQuery(CaseAccessDocument, { caseId }, caseId);
  const tree = useQuery(OrganisationTreeDocument, { language: language.toUpperCase() as "FI" | "SV" | "EN" }, language);
  const workers = useQuery(CaseWorkersDocument, { caseId }, caseId);
  const logistics = useQuery(MeetingLogisticsDocument, { caseId }, caseId);
  const assessment = useQuery(CaseAssessmentDocument, { caseId }, caseId);
  const viewer = useViewer();
  const reload = async () => {
    await Promise.all([detail.reload(), access.reload(), workers.reload(), logistics.reload(), assessment.reload()]);
  };
  const error =
    detail.error ?? access.error ?? tree.error ?? workers.error ?? logistics.error ?? assessment.error ?? viewer.error;
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
  // The forms start from what the case, its organisations, workers and the organisation tree say: all first.
  if (!detail.data || !access.data || !tree.data || !workers.data || !logistics.data || !assessment.data)
    return <p>{t.loading}</p>;
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
      <WorkersSection
        c={c}
        workers={workers.data.case?.assignedWorkers ?? []}
        reload={reload}
        canAssign={assignsWorkers(viewer.data?.viewer)}
      />
      <OrganisationsSection c={c} taking={taking} />
      <AssessmentSection assessment={assessment.data.case} />
      <ConsentsSection c={c} organisations={organisations} reload={reload} />
      <MeetingsSection
        c={c}
        logistics={logistics.data.case?.meetings ?? []}
        coreOrganisations={coreOrganisations}
        organisations={organisations}
        reload={reload}
      />
      <ReferralsSection c={c} />
      <ViolationsSection c={c} />
    </>
  );
}
