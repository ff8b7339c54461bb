// Staff Management steps, shared by the journeys that touch staff.

/** Users & staff > Staff tab > search by email > open the person. */
export async function openStaffMember(page, email) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users & staff" }).click();
  await page.getByRole("tab", { name: "Staff" }).click();
  const search = page.getByRole("search", { name: "Filter staff" });
  await search.getByLabel("Search").fill(email);
  await search.getByRole("button", { name: "Apply filters" }).click();
  const row = page.getByRole("row").filter({ hasText: email });
  await row.getByRole("link").click();
  await page.getByRole("heading", { level: 2, name: "Roles" }).waitFor();
}

/** The "Roles" card of the staff detail page. */
export function rolesCard(page) {
  return page.getByRole("region", { name: "Roles" });
}
