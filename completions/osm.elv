
use builtin;
use str;

set edit:completion:arg-completer[osm] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'osm'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'osm'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand version 'Print the version of osm and of the cluster it talks to'
            cand completion 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;version'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand --client 'Print only the client version; do not contact the cluster'
            cand --client-only 'Print only the client version; do not contact the cluster'
            cand --version-only 'Accepted for the Go CLI''s scripts: osm prints no upgrade notices to hide'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;completion'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)'
            cand --context 'The kubeconfig context to use'
            cand --osm-namespace 'Namespace of the OSM control plane'
            cand --request-timeout 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)'
            cand -v 'Print debug lines on stderr (-vv also shows every API request)'
            cand --verbose 'Print debug lines on stderr (-vv also shows every API request)'
            cand --no-color 'Disable colored output (the NO_COLOR environment variable does the same)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'osm;help'= {
            cand version 'Print the version of osm and of the cluster it talks to'
            cand completion 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'osm;help;version'= {
        }
        &'osm;help;completion'= {
        }
        &'osm;help;help'= {
        }
    ]
    $completions[$command]
}
