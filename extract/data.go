package extract

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
)

// The tables of extract/data, embedded: tab-separated rows, "#" comments.
//
//go:embed data/*.tsv data/*.txt
var dataFiles embed.FS

// readTable returns the rows of an embedded table, each with exactly
// cols fields. A malformed table is a bug of the build: it panics at
// start, and the tests catch it.
func readTable(name string, cols int) [][]string {
	f, err := dataFiles.Open("data/" + name)
	if err != nil {
		panic(fmt.Sprintf("extract: table %s: %v", name, err))
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != cols {
			panic(fmt.Sprintf("extract: table %s line %d: %d fields, want %d", name, n, len(fields), cols))
		}
		rows = append(rows, fields)
	}
	return rows
}

// orgCountry gives the country a body serves, for roles such as "Kremlin
// spokesman" (data/bodies.tsv).
var orgCountry = func() map[string]string {
	m := map[string]string{}
	for _, r := range readTable("bodies.tsv", 2) {
		m[r[0]] = r[1]
	}
	return m
}()

// venues are buildings that stand for a city when they host a meeting
// (data/venues.tsv): name -> city, country code.
var venues = func() map[string][2]string {
	m := map[string][2]string{}
	for _, r := range readTable("venues.tsv", 3) {
		m[r[0]] = [2]string{r[1], r[2]}
	}
	return m
}()

// regions are places that are not countries or cities
// (data/regions.tsv): name -> the code of the one country a region lies
// in, "" for a region across countries.
var regions = func() map[string]string {
	m := map[string]string{}
	for _, r := range readTable("regions.tsv", 2) {
		m[r[0]] = strings.TrimPrefix(r[1], "-")
	}
	return m
}()

// readList returns the lines of an embedded word list, "#" comments and
// blank lines left out.
func readList(name string) map[string]bool {
	m := map[string]bool{}
	for _, r := range readTable(name, 1) {
		m[strings.TrimSpace(r[0])] = true
	}
	return m
}

// orgWords end or head organization names (data/orgwords.txt).
var orgWords = readList("orgwords.txt")

// titles are the formal titles, lower case (data/titles.txt).
var titles = readList("titles.txt")

// notOrgs are capitalized words that name no organization written alone
// in capitals: site furniture and acronyms of things (data/notorgs.txt).
var notOrgs = readList("notorgs.txt")

// scheduledVerbs speak of the days ahead in the present tense before a
// weekday (data/scheduled.txt).
var scheduledVerbs = readList("scheduled.txt")

// portfolios name a minister's portfolio (data/portfolios.txt).
var portfolios = readList("portfolios.txt")

// knownOrgs are organizations named without an organization word
// (data/orgs.tsv): name as written -> canonical name.
var knownOrgs = func() map[string]string {
	m := map[string]string{}
	for _, r := range readTable("orgs.tsv", 2) {
		m[r[0]] = r[1]
	}
	return m
}()

// familyFirst are family names that names put first (data/surnames.txt).
var familyFirst = readList("surnames.txt")
