#pragma once

// The catalogue the engine tests run against: the bundled profiles plus the synthetic ones in
// tests/data/profiles-test, which pin down exact semantics (tiers, daily allowances, edge cases).

#include "profiles/catalogue.h"

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
