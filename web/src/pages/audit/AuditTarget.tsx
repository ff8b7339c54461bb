import { Link } from "react-router";
import { StaffLink, TenantLink } from "../../components/Names";

/** An audit event's target: a tenant or staff member by name, a platform user or workflow linked by id, anything else as its id. */
export function AuditTarget({ type, id }: { type: string; id?: string | null }) {
  if (!id) return null;
  switch (type) {
    case "tenant":
      return <TenantLink id={id} />;
    case "staff":
      return <StaffLink id={id} />;
    case "user":
      return <Link to={`/dashboard/users/platform/${encodeURIComponent(id)}`}><code className="nowrap">{id}</code></Link>;
    case "workflow":
      return <Link to={`/workflows/${encodeURIComponent(id)}`}><code className="nowrap">{id}</code></Link>;
    default:
      return <code className="nowrap">{id}</code>;
  }
}
