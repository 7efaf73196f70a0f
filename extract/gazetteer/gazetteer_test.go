package gazetteer

import (
	"strings"
	"testing"
)

func TestCountryByName(t *testing.T) {
	tests := []struct{ name, code, canonical string }{
		{"U.S.", "US", "United States"},
		{"United States of America", "US", "United States"},
		{"America", "US", "United States"},
		{"Russian Federation", "RU", "Russia"},
		{"Britain", "GB", "United Kingdom"},
		{"UK", "GB", "United Kingdom"},
		{"North Korea", "KP", "North Korea"},
		{"Turkey", "TR", "Turkey"},
		{"Viet Nam", "VN", "Vietnam"},
	}
	g := Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := g.CountryByName(tt.name)
			if !ok {
				t.Fatalf("CountryByName(%q) found nothing", tt.name)
			}
			if c.Code != tt.code || c.Name != tt.canonical {
				t.Fatalf("CountryByName(%q)=%s %q, want %s %q", tt.name, c.Code, c.Name, tt.code, tt.canonical)
			}
		})
	}
	if _, ok := g.CountryByName("Putin"); ok {
		t.Error("CountryByName(Putin) found a country")
	}
}

func TestCountryByDemonym(t *testing.T) {
	tests := []struct{ adj, code string }{
		{"Russian", "RU"}, {"U.S.", "US"}, {"Japanese", "JP"}, {"North Korean", "KP"},
		{"Syrian", "SY"}, {"Vietnamese", "VN"}, {"Israeli", "IL"}, {"British", "GB"},
	}
	for _, tt := range tests {
		c, ok := Default().CountryByDemonym(tt.adj)
		if !ok || c.Code != tt.code {
			t.Errorf("CountryByDemonym(%q)=%v,%v, want %s", tt.adj, c, ok, tt.code)
		}
	}
}

func TestCity(t *testing.T) {
	tests := []struct{ name, country string }{
		// Capitals win over larger or smaller namesakes.
		{"Washington", "US"}, {"Moscow", "RU"},
		// Otherwise the most populous namesake wins.
		{"Hamburg", "DE"}, {"Antalya", "TR"}, {"Helsinki", "FI"},
		{"New York", "US"}, {"Danang", "VN"}, {"Da Nang", "VN"}, {"Kiev", "UA"},
	}
	for _, tt := range tests {
		c, ok := Default().City(tt.name)
		if !ok || c.Country != tt.country {
			t.Errorf("City(%q)=%+v,%v, want country %s", tt.name, c, ok, tt.country)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"U.S.", "us"}, {"Kim Jong-un", "kimjongun"}, {"Türkiye", "turkiye"}, {"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q)=%q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFoldInto checks that the lookup key folded without allocating is
// Fold's, for ASCII, accented and over-long names alike, and that a
// lookup with it allocates nothing.
func TestFoldInto(t *testing.T) {
	for _, in := range []string{"U.S.", "Kim Jong-un", "Türkiye", "", "South Korean", strings.Repeat("Ab-", 30), "São Paulo", "MEXICO CITY"} {
		var buf [foldBuf]byte
		if got := string(foldInto(&buf, in)); got != Fold(in) {
			t.Errorf("foldInto(%q) = %q, want %q", in, got, Fold(in))
		}
	}
	g := Default()
	if n := testing.AllocsPerRun(100, func() { g.CountryByDemonym("South Korean") }); n != 0 {
		t.Errorf("CountryByDemonym allocates %v times per lookup, want 0", n)
	}
}
