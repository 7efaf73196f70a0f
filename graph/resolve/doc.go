// Package resolve decides which nodes written by different articles are
// the same person, organization or event.
//
// Each article is extracted on its own, so the store holds, per article,
// the names the article used. Resolve reads those per-article records and
// returns, for every article, the canonical node each of its nodes should
// be, with the rule that made the decision:
//
//   - persons with the same name once case, accents, hyphens, dots and
//     middle initials are ignored are one ("Kim Jong-un", "Kim Jong Un");
//   - a single name ("Trump") joins the one person in the store whose last
//     name, or first name when the single name is not a given name
//     ("Xi"), it is; when two persons fit, it joins neither;
//   - organizations that share a name or an alias are one ("G20", "G-20");
//   - events of the same kind (calls apart from in-person meetings, and
//     visits apart from both) are one when they have the same principals,
//     compatible dates (one a prefix of the other, or missing), the same
//     place or no place (a city is the same place as its country), and a
//     planned event is not dated before the article that announced it nor
//     a held one after the article that reported it.
//
// An aliases file pins names together or forbids a merge. Resolution is
// a pure function of the records and the aliases, so it gives the same
// answer whatever the order in which articles were ingested.
package resolve
