"""The Gate page, full-screen gate mode, the webcam reader and sounds."""
