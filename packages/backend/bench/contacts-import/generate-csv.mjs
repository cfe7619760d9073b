/**
 * A contacts CSV of `rows` data rows: unique people, a share repeated later in the file by email
 * or by phone, a share of invalid rows (bad email, phone without a country code, a number field
 * with text), and the first `existing` people again (they were imported before the run).
 */
export function generateContactsCsv({
  rows,
  existing = 0,
  duplicateEvery = 20,
  invalidEvery = 33,
}) {
  const lines = ["name,email,phone,company,stage,tags,seats"];
  const person = (i) => [
    `Person ${i}`,
    `person${i}@example.com`,
    `+55119${String(10_000_000 + i).padStart(8, "0")}`,
  ];
  let i = 0;
  while (lines.length <= rows) {
    const n = lines.length;
    if (n % invalidEvery === 0) {
      const kind = n % 3;
      const [name, email, phone] = person(1_000_000 + n);
      lines.push(
        [
          name,
          kind === 0 ? "not-an-email" : email,
          kind === 1 ? "12345" : phone,
          "Acme",
          "lead",
          "",
          kind === 2 ? "many" : "1",
        ].join(","),
      );
    } else if (n % duplicateEvery === 0 && i > 10) {
      const [name, email, phone] = person(i - 7);
      // Half the repeats share the email, half only the phone.
      lines.push(
        [`${name} again`, n % 2 ? email : "", n % 2 ? "" : phone, "", "", "repeat", ""].join(","),
      );
    } else {
      const [name, email, phone] = person(i);
      const company = i < existing ? "Renamed Co" : `Company ${i % 500}`;
      lines.push(
        [name, email, phone, company, "customer", "imported;bench", String(i % 50)].join(","),
      );
      i += 1;
    }
  }
  return lines.join("\n") + "\n";
}
