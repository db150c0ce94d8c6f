#pragma once

// Shared by the engine tests (rules, cost): the catalogue they run against and a component maker.

#include "model/project.h"
#include "profiles/catalogue.h"

// The bundled profiles plus the synthetic ones in tests/data/profiles-test, which pin down exact
// semantics (tiers, daily allowances, edge cases).
inline const stackplan::Catalogue &testCatalogue()
{
    static const stackplan::Catalogue c = [] {
        stackplan::Catalogue cat;
        cat.addBundled();
        cat.addDirectory(QStringLiteral(STACKPLAN_TEST_DATA "/profiles-test"));
        cat.finish();
        return cat;
    }();
    return c;
}

// A component whose id is also its name.
inline stackplan::Component comp(const char *id, stackplan::Role role, stackplan::Binding b = {})
{
    stackplan::Component c;
    c.id = QString::fromLatin1(id);
    c.name = c.id;
    c.role = role;
    c.binding = std::move(b);
    return c;
}
