ALTER TABLE "report_artifacts" DROP CONSTRAINT "report_artifacts_format_check", ADD CONSTRAINT "report_artifacts_format_check" CHECK ("format" in ('json', 'csv', 'pdf', 'xlsx'));
