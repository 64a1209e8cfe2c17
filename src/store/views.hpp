// The public query views (v_entities, v_evidence, v_facts, …) as schema/sql/schema.sql defines
// them today, for databases made by an earlier rawabit: the schema creates views IF NOT EXISTS,
// so without this a view whose definition changed would keep its old meaning in every database
// made before the change (v_facts counting planned and hypothetical evidence, say).
#pragma once
#include <SQLiteCpp/Database.h>

#include <string>

namespace rawabit::store {

// The text of schema/sql/schema.sql. Throws rawabit::Error when it cannot be read.
std::string schema_sql();

// Gives every public view (named v_*) of `db` whose definition differs from the schema's the
// schema's definition: in the database itself when `writable` (dropped and created again in one
// transaction), else as a TEMP view of the same name, which shadows the stored one for this
// connection only (a read-only database is left as it is). Views the database lacks are left to
// the schema. Throws rawabit::Error.
void update_views(SQLite::Database& db, bool writable);

// The SQL condition that evidence whose attrs column is `attrs` is asserted: attrs is not a JSON
// object with a "modality" other than "asserted" (or "" or null), as ../shared/eval/score.py
// reads it. v_facts counts only such evidence; schema.sql spells the same condition.
std::string asserted_evidence_sql(const std::string& attrs);

}  // namespace rawabit::store
