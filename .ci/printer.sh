#!/usr/bin/env bash
# A real print queue for the printing tests: CUPS with its PDF printer, as queue "PDF".
# Every job printed to it lands as a PDF file in /var/spool/cups-pdf/<user>/.
set -euo pipefail
if ! command -v cupsd >/dev/null || [ ! -e /usr/lib/cups/backend/cups-pdf ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cups cups-client cups-bsd \
        printer-driver-cups-pdf >/dev/null
fi
# Files printed by anyone go to one known folder, named after the job's title.
sed -i -e 's|^#\?Out .*|Out /var/spool/cups-pdf/${USER}|' \
       -e 's|^#\?Label .*|Label 1|' /etc/cups/cups-pdf.conf
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
    cupsd
    for _ in $(seq 50); do
        lpstat -r 2>/dev/null | grep -q "is running" && break
        sleep 0.2
    done
fi
lpadmin -p PDF -E -v cups-pdf:/ -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
lpadmin -d PDF
# A second queue that refuses every job, for what a person sees when a printer turns a job down.
lpadmin -p PDF_rejecting -E -v cups-pdf:/ -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
cupsreject -r "paper jam" PDF_rejecting
lpstat -a PDF PDF_rejecting
