package main

import (
	"encoding/json"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The container files live at the repository root, two levels up.
var (
	composePath    = filepath.Join("..", "..", "docker-compose.yml")
	dockerfilePath = filepath.Join("..", "..", "Dockerfile")
)

type composeFile struct {
	Services map[string]composeService `yaml:"services"`
	Volumes  map[string]any            `yaml:"volumes"`
}

type composeService struct {
	Build       any               `yaml:"build"`
	Image       string            `yaml:"image"`
	Environment map[string]string `yaml:"environment"`
	Ports       []string          `yaml:"ports"`
	Volumes     []string          `yaml:"volumes"`
	DependsOn   map[string]struct {
		Condition string `yaml:"condition"`
	} `yaml:"depends_on"`
	Healthcheck struct {
		Test []string `yaml:"test"`
	} `yaml:"healthcheck"`
	Restart string `yaml:"restart"`
}

// TestDockerCompose checks docker-compose.yml against the binary and the
// Dockerfile, since no Docker engine runs where the tests do.
func TestDockerCompose(t *testing.T) {
	compose := readCompose(t)
	image := readDockerfile(t)
	names := make([]string, 0, len(compose.Services))
	for name := range compose.Services {
		names = append(names, name)
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"corkboard", "postgres"}) {
		t.Fatalf("services = %v, want [corkboard postgres]", names)
	}
	app, db := compose.Services["corkboard"], compose.Services["postgres"]
	env := expandAll(app.Environment)

	t.Run("settings are ones the binary reads", func(t *testing.T) {
		for name := range app.Environment {
			if !isSettingEnv(name) {
				t.Errorf("compose sets %s, which is no setting of corkboard", name)
			}
		}
		for name := range image.env {
			if strings.HasPrefix(name, "CORKBOARD_") && !isSettingEnv(name) {
				t.Errorf("Dockerfile sets %s, which is no setting of corkboard", name)
			}
		}
		for name, value := range env {
			t.Setenv(name, value)
		}
		serve, err := findCommand([]string{"serve"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := configFor(serve); err != nil {
			t.Errorf("the compose settings do not validate: %v", err)
		}
	})

	t.Run("one port everywhere", func(t *testing.T) {
		port := portOf(t, env["CORKBOARD_LISTEN"])
		if len(app.Ports) != 1 || containerPort(app.Ports[0]) != port {
			t.Errorf("ports = %v, want one mapping to container port %s (CORKBOARD_LISTEN)", app.Ports, port)
		}
		if !slices.Equal(image.expose, []string{port}) {
			t.Errorf("Dockerfile EXPOSE %v, want %s", image.expose, port)
		}
		if got := portOf(t, image.env["CORKBOARD_LISTEN"]); got != port {
			t.Errorf("Dockerfile CORKBOARD_LISTEN port %s, compose %s", got, port)
		}
	})

	t.Run("database URL points at the postgres service", func(t *testing.T) {
		u, err := url.Parse(env["CORKBOARD_DATABASE_URL"])
		if err != nil {
			t.Fatal(err)
		}
		dbEnv := expandAll(db.Environment)
		password, _ := u.User.Password()
		checks := []struct{ what, got, want string }{
			{"scheme", u.Scheme, "postgres"},
			{"host", u.Hostname(), "postgres"},
			{"port", u.Port(), "5432"},
			{"user", u.User.Username(), dbEnv["POSTGRES_USER"]},
			{"password", password, dbEnv["POSTGRES_PASSWORD"]},
			{"database", strings.TrimPrefix(u.Path, "/"), dbEnv["POSTGRES_DB"]},
		}
		for _, c := range checks {
			if c.got != c.want || c.want == "" {
				t.Errorf("CORKBOARD_DATABASE_URL %s = %q, want %q", c.what, c.got, c.want)
			}
		}
		if app.DependsOn["postgres"].Condition != "service_healthy" {
			t.Errorf("corkboard must wait for a healthy postgres, depends_on = %+v", app.DependsOn)
		}
		wantCheck := []string{"CMD", "pg_isready", "-U", dbEnv["POSTGRES_USER"], "-d", dbEnv["POSTGRES_DB"]}
		if !slices.Equal(db.Healthcheck.Test, wantCheck) {
			t.Errorf("postgres healthcheck = %q, want %q", db.Healthcheck.Test, wantCheck)
		}
	})

	t.Run("data volume is the data dir", func(t *testing.T) {
		want := "corkboard-data:" + env["CORKBOARD_DATA_DIR"]
		if !slices.Contains(app.Volumes, want) {
			t.Errorf("corkboard volumes = %v, want %s", app.Volumes, want)
		}
		if !slices.Equal(image.volumes, []string{image.env["CORKBOARD_DATA_DIR"]}) {
			t.Errorf("Dockerfile VOLUME %v, CORKBOARD_DATA_DIR %s", image.volumes, image.env["CORKBOARD_DATA_DIR"])
		}
		for _, v := range append(app.Volumes, db.Volumes...) {
			if _, declared := compose.Volumes[strings.Split(v, ":")[0]]; !declared {
				t.Errorf("volume %s is not declared under volumes:", v)
			}
		}
	})

	t.Run("commands exist", func(t *testing.T) {
		binary := image.entrypoint[0]
		lines := map[string][]string{
			"compose healthcheck":    app.Healthcheck.Test,
			"Dockerfile HEALTHCHECK": image.healthcheck,
			"Dockerfile ENTRYPOINT":  append(slices.Clone(image.entrypoint), image.cmd...),
		}
		for what, line := range lines {
			line = slices.DeleteFunc(slices.Clone(line), func(s string) bool { return s == "CMD" })
			if len(line) == 0 || line[0] != binary || binary != image.binary {
				t.Errorf("%s %q does not run %s, the binary the image copies", what, line, image.binary)
				continue
			}
			if _, err := findCommand(line[1:]); err != nil {
				t.Errorf("%s %q: %v", what, line, err)
			}
		}
	})
}

func readCompose(t *testing.T) composeFile {
	t.Helper()
	raw, err := os.ReadFile(composePath)
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	if err := yaml.Unmarshal(raw, &c); err != nil {
		t.Fatalf("%s: %v", composePath, err)
	}
	return c
}

// dockerfile is what the tests need from the Dockerfile's final stage.
type dockerfile struct {
	env                          map[string]string
	expose, volumes              []string
	entrypoint, cmd, healthcheck []string
	binary                       string // where the final stage copies the binary
}

func readDockerfile(t *testing.T) dockerfile {
	t.Helper()
	raw, err := os.ReadFile(dockerfilePath)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(string(raw), "\\\n", " ")
	d := dockerfile{env: map[string]string{}}
	for _, line := range strings.Split(text, "\n") {
		fields := strings.Fields(line)
		if len(fields) < 2 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), fields[0]))
		switch strings.ToUpper(fields[0]) {
		case "FROM": // only the final stage counts
			d = dockerfile{env: map[string]string{}}
		case "ENV":
			for _, kv := range fields[1:] {
				k, v, _ := strings.Cut(kv, "=")
				d.env[k] = v
			}
		case "EXPOSE":
			d.expose = fields[1:]
		case "VOLUME":
			d.volumes = fields[1:]
		case "ENTRYPOINT":
			d.entrypoint = execForm(t, rest)
		case "CMD":
			d.cmd = execForm(t, rest)
		case "HEALTHCHECK":
			_, after, _ := strings.Cut(rest, "CMD ")
			d.healthcheck = execForm(t, after)
		case "COPY":
			if slices.Contains(fields, "/out/corkboard") {
				d.binary = fields[len(fields)-1]
			}
		}
	}
	if len(d.entrypoint) == 0 || d.binary == "" {
		t.Fatalf("Dockerfile: the final stage has no ENTRYPOINT or does not copy /out/corkboard")
	}
	return d
}

// execForm parses the JSON ("exec") form of ENTRYPOINT, CMD and HEALTHCHECK.
func execForm(t *testing.T, s string) []string {
	t.Helper()
	var args []string
	if err := json.Unmarshal([]byte(s), &args); err != nil {
		t.Fatalf("Dockerfile: %q is not in exec form: %v", s, err)
	}
	return args
}

var composeVar = regexp.MustCompile(`\$\{(\w+)(?::-([^}]*))?\}`)

// expandAll substitutes ${NAME:-default} with its default, as compose does
// when NAME is unset.
func expandAll(env map[string]string) map[string]string {
	out := make(map[string]string, len(env))
	for k, v := range env {
		out[k] = composeVar.ReplaceAllString(v, "$2")
	}
	return out
}

func isSettingEnv(name string) bool {
	return name == configFileEnv || slices.ContainsFunc(settings, func(s setting) bool { return s.env == name })
}

func portOf(t *testing.T, hostport string) string {
	t.Helper()
	_, port, err := net.SplitHostPort(hostport)
	if err != nil {
		t.Fatalf("CORKBOARD_LISTEN %q: %v", hostport, err)
	}
	return port
}

// containerPort returns the container side of "[ip:]host:container[/proto]".
func containerPort(mapping string) string {
	mapping, _, _ = strings.Cut(mapping, "/")
	return mapping[strings.LastIndex(mapping, ":")+1:]
}
