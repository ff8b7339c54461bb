import { Link } from "react-router";

/** Who a bulk result is about: the user's email, linked to their page, or the given id when no such user exists. */
export function BulkUserCell({ result }: { result: { userId: string; email?: string | null } }) {
  if (!result.email) {
    return <code className="nowrap" title="No user has this id">{result.userId}</code>;
  }
  return (
    <Link to={`/dashboard/users/platform/${encodeURIComponent(result.userId)}`} title={result.userId}>
      {result.email}
    </Link>
  );
}
